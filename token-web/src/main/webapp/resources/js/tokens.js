/*
 * What every page of the web UI does in the browser on top of PrimeFaces (a file, since the pages' policy runs no
 * inline script without its nonce).
 */
(function () {
    "use strict";

    // The user menu closes on Escape and gives the focus back to its button, as a menu button does. No jQuery
    // here: the scripts are at the end of the page, and this one may run before PrimeFaces' own.
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var menu = document.getElementById("menu:user_menu");
        if (menu && getComputedStyle(menu).display !== "none") {
            // before PrimeFaces' own handler on the button, whose hide() in the middle of the opening transition
            // left the menu open for good (Escape pressed right after Enter)
            event.stopPropagation();
            closeWhenOpen(menu, 20);
        }
    }, true);

    // PrimeFaces' overlay cannot be hidden while its opening transition runs: wait for the transition to end,
    // bounded, then close.
    function closeWhenOpen(menu, waitsLeft) {
        if (menu.classList.contains("ui-connected-overlay-enter") && waitsLeft > 0) {
            setTimeout(function () {
                closeWhenOpen(menu, waitsLeft - 1);
            }, 25);
            return;
        }
        var widget = window.PF && PF("userMenu");
        if (widget) {
            widget.hide();
        }
        var button = document.getElementById("menu:user_button");
        if (button) {
            button.focus();
        }
    }

    // PrimeFaces makes each list's pager a navigation landmark without a name; a page with two lists in pages
    // needs each named, after its section's heading ("Pages of User Tokens"), also when a list is drawn again.
    function namePagers() {
        document.querySelectorAll(".ui-paginator[role=navigation]:not([aria-label])").forEach(function (pager) {
            var section = pager.closest("section[aria-labelledby]");
            var heading = section && document.getElementById(section.getAttribute("aria-labelledby"));
            pager.setAttribute("aria-label", "Pages of " + (heading ? heading.textContent.trim() : "the list"));
        });
    }
    new MutationObserver(namePagers).observe(document.documentElement,
            {subtree: true, childList: true, attributes: true, attributeFilter: ["role"]});
})();
