package org.dermread.studies;

/**
 * A reader to create: a name, a login (user name) or an e-mail address (then also the user name), and their
 * experience profile.
 */
public record NewReader(String displayName, String login, ReaderProfile profile) {

    public String email() {
        return login.contains("@") ? login : null;
    }
}
