package org.dermread.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import java.util.Locale;

/**
 * Body sites as shown on a page. A manifest's {@code body_site} is free text (in practice English: "upper arm",
 * "hand, dorsum", HAM10000's "lower extremity", ISIC's "anterior torso"); the sites the demo set and the public
 * sets use are a vocabulary with a translation ({@code body-site.<slug>} in {@code core*.properties}), so a Chinese
 * page does not show English anatomy. A site outside the vocabulary is shown as it was imported, never dropped.
 */
public final class BodySites {

    static final String PREFIX = "body-site.";

    private BodySites() {
    }

    /** The site in the current page's language; {@code ""} for none. */
    public static String label(String site) {
        if (site == null || site.isBlank()) {
            return "";
        }
        UI ui = UI.getCurrent();
        VaadinService service = VaadinService.getCurrent();
        I18NProvider provider = service == null ? null : service.getInstantiator().getI18NProvider();
        Locale locale = ui == null ? Translations.ENGLISH : ui.getLocale();
        if (provider instanceof Translations translations) {
            return translations.find(PREFIX + slug(site), locale).orElse(site.strip());
        }
        return site.strip();
    }

    /** The vocabulary's key for a site: lower case, every run of other characters one hyphen ("hand-dorsum"). */
    static String slug(String site) {
        return site.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
