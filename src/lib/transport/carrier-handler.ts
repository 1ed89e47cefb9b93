import { RequestHandler, type ResponseResolver } from 'msw';
import { CARRIER_PATH, carrierTicket } from './carrier';

/** What {@link CarrierHandler} reads from a request: its ticket, or `null` for another URL. */
interface CarrierMatch {
	ticket: string | null;
}

/** What the resolver of a {@link CarrierHandler} receives besides the request. */
export type CarrierResolverExtras = {
	/** The ticket the carrier names. */
	ticket: string;
};

/**
 * An MSW request handler for carriers only: a bodiless GET whose path names a ticket.
 *
 * MSW's `http.get` reads every request's cookies before it matches (`document.cookie` and
 * MSW's own cookie store), and the page has no real cookies to read: a carrier holds only a
 * ticket. Matching on the path alone takes that work off each exchange, which is measured by
 * `npm run bench` (the wire against its floors).
 */
export class CarrierHandler extends RequestHandler<
	{ header: string },
	CarrierMatch,
	CarrierResolverExtras
> {
	constructor(resolver: ResponseResolver<CarrierResolverExtras>) {
		super({ info: { header: `GET ${CARRIER_PATH}` }, resolver });
	}

	override async parse(args: { request: Request }): Promise<CarrierMatch> {
		return { ticket: carrierTicket(args.request.url) };
	}

	override async predicate(args: {
		request: Request;
		parsedResult: CarrierMatch;
	}): Promise<boolean> {
		return args.request.method === 'GET' && args.parsedResult.ticket !== null;
	}

	protected override extendResolverArgs(args: {
		parsedResult: CarrierMatch;
	}): CarrierResolverExtras {
		return { ticket: args.parsedResult.ticket ?? '' };
	}

	override log(): void {
		// The site starts MSW quietly: nothing to log.
	}
}
