package org.dermread.shell;

import java.util.List;

/**
 * Features add their pages to the side navigation by declaring a bean of this type; the layout filters the
 * entries by each view's own access annotations, so navigation and access control cannot disagree.
 */
public interface NavigationContributor {

    List<NavigationEntry> entries();
}
