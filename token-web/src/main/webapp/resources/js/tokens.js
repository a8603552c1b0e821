/*
 * What every page of the web UI does in the browser on top of PrimeFaces (a file, since the pages' policy runs no
 * inline script without its nonce).
 */
(function () {
    "use strict";

    // The user menu closes on Escape and gives the focus back to its button, as a menu button does.
    $(document).on("keydown", function (event) {
        if (event.key !== "Escape") {
            return;
        }
        var menu = document.getElementById("menu:user_menu");
        if (menu && $(menu).is(":visible")) {
            var widget = PF("userMenu");
            if (widget) {
                widget.hide();
            }
            var button = document.getElementById("menu:user_button");
            if (button) {
                button.focus();
            }
        }
    });
})();
