package org.dermread.shell;

import java.util.Locale;

/**
 * Who is signed in, as the shell needs it. The shell knows no feature, so the feature that owns accounts
 * declares the one bean of this type.
 */
public interface SignedInUserSource {

    /** The person signed in for the current request. */
    SignedInUser current();

    /** Remembers a language the signed-in person chose, for their next sessions. */
    void rememberLocale(Locale locale);
}
