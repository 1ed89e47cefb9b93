/** The book's sibling example: a visit counter kept in the session. */
import { json } from './responses';
import type { Route } from './route-types';

/**
 * `GET /counter` → `{"visits":N}`, the number of visits of this session (1, 2, 3…). It creates
 * the session on the first visit. With the memory store the count starts again after a restart;
 * with the persistent store it carries on.
 */
export const COUNTER_ROUTES: Route[] = [
	{
		path: '/counter',
		methods: {
			GET: async (context) => {
				const session = await context.session.ensure();
				const before = session.data.visits;
				const visits = (typeof before === 'number' ? before : 0) + 1;
				session.data.visits = visits;
				return json(200, { visits });
			}
		}
	}
];
