package org.dermread.studies;

import java.time.Instant;
import org.dermread.accounts.AccountId;

/**
 * A reader invited to a study, with the seed of their case order and, once they started, their phase order; the
 * second phase opens at {@code secondPhaseOpensAt} (set when they finish the first, after the study's washout). In a
 * study with arms, {@code arm} (null until they start), with the experience group and rank it was drawn in.
 */
public record Participant(long participationId, AccountId readerId, String username, String displayName,
        long orderSeed, Instant invitedAt, Instant startedAt, PhaseOrder phaseOrder, Instant secondPhaseOpensAt,
        String arm, ExperienceGroup armGroup, Integer armRank) {
}
