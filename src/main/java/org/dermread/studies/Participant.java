package org.dermread.studies;

import java.time.Instant;
import org.dermread.accounts.AccountId;

/** A reader invited to a study, with the seed of their case order. */
public record Participant(long participationId, AccountId readerId, String username, String displayName,
        long orderSeed, Instant invitedAt, Instant startedAt) {
}
