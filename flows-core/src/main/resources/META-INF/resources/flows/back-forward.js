/*
 * Browsers keep a page in memory when the visitor leaves it, and may show it again on Back without
 * asking the server (the back-forward cache; Chrome does so even for "Cache-Control: no-store"
 * pages). A flow page shown that way still carries the task version it was rendered with, so Flows
 * would rightly treat its form as an old one already processed (a double click, an old tab), and
 * the visitor's change would be lost. Such pages reload themselves: the server renders them again
 * with the task as it is now, and a submit rewinds the task to that step.
 *
 * Flows ships this script; Spring Boot serves it at /flows/back-forward.js. Include it in the layout
 * of flow pages: <script th:src="@{/flows/back-forward.js}"></script>
 *
 * The attribute marks a page that went into the cache, until it is reloaded (browser tests can wait
 * for it to be gone).
 */
window.addEventListener('pagehide', function (event) {
    if (event.persisted) {
        document.documentElement.setAttribute('data-back-forward-cached', '');
    }
});
window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
        window.location.reload();
    }
});
