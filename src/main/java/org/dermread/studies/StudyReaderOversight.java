package org.dermread.studies;

import org.dermread.accounts.AccountId;
import org.dermread.accounts.ReaderOversight;
import org.springframework.stereotype.Component;

/** Tells accounts which readers a coordinator oversees: those taking part in a study they coordinate. */
@Component
class StudyReaderOversight implements ReaderOversight {

    private final StudyAccess access;

    StudyReaderOversight(StudyAccess access) {
        this.access = access;
    }

    @Override
    public boolean signedInCoordinatorOversees(AccountId reader) {
        return access.coordinatesReader(reader.value());
    }
}
