package org.dermread.studies;

import java.time.Instant;
import org.dermread.accounts.AccountId;

/**
 * One invited reader's progress, for the study's coordinators (names and logins never leave the coordinator's page
 * and CSV; the statistician's bundle has its own pseudonymous reader table).
 *
 * @param lastActivity         the latest of invitation, start, any case shown or answered, and phase ends
 * @param medianSecondsPerCase median time from showing a case to its answer over both phases, or null before the
 *                             first answer
 * @param arm                  the reader's arm in a collaboration study (with its name), null before it is drawn or
 *                             without arms
 */
public record ReaderProgress(long participationId, AccountId readerId, String username, String displayName,
        ReaderStatus status, int answeredUnaided, int answeredAided, int cases, Instant lastActivity,
        Double medianSecondsPerCase, String arm) {
}
