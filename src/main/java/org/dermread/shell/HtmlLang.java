package org.dermread.shell;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code <html lang>} on the page's language after every navigation, so that screen readers, hyphenation
 * and the browser's choice of CJK glyphs (Simplified, not Japanese or Traditional forms) follow the language chosen.
 */
@Component
class HtmlLang implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addAfterNavigationListener(navigation ->
                init.getUI().getPage().executeJs("document.documentElement.lang = $0",
                        LanguageSelect.htmlLang(init.getUI().getLocale()))));
    }
}
