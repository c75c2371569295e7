package org.dermread.shell;

import java.util.Locale;
import java.util.Optional;

/**
 * The signed-in person as the frame around every page shows them: a name and, if they chose one, a language.
 *
 * @param displayName     the name shown in the navigation bar
 * @param preferredLocale the language remembered for them, empty when they never chose one
 */
public record SignedInUser(String displayName, Optional<Locale> preferredLocale) {
}
