package org.dermread.cases.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Nav;

/**
 * The coordinator's pages, as a row of links under the page title. Links by address, so the case and study
 * features need not know each other's view classes.
 */
public class CoordinatorMenu extends Nav {

    /** Address and label key of each coordinator page, in working order. */
    private static final String[][] PAGES = {
            {"coordinator", "cases.menu.home"},
            {"coordinator/import", "cases.menu.import"},
            {"coordinator/cases", "cases.menu.library"},
            {"coordinator/case-sets", "cases.menu.case-sets"},
            {"coordinator/taxonomies", "taxonomy.menu"},
            {"coordinator/studies", "cases.menu.studies"}};

    public CoordinatorMenu(String current) {
        setId("coordinator-menu");
        addClassName("coordinator-menu");
        getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-m)")
                .set("font-size", "var(--lumo-font-size-s)");
        for (String[] page : PAGES) {
            Anchor link = new Anchor(page[0], getTranslation(page[1]));
            link.setId("menu-" + page[0].replace('/', '-'));
            if (page[0].equals(current)) {
                link.getStyle().set("font-weight", "600").set("text-decoration", "underline");
            }
            add(link);
        }
    }
}
