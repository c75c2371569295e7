package org.dermread.studies;

import java.util.Optional;
import org.dermread.accounts.AccountId;
import org.dermread.accounts.AccountService;
import org.dermread.studies.internal.ReaderProfileRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Readers' experience profiles: a reader reads and changes their own; administrators and coordinators (who create
 * readers with their profiles, see {@link StudyService#createReaders}) may read anyone's.
 */
@Service
public class ReaderProfileService {

    private final ReaderProfileRepository profiles;
    private final AccountService accounts;

    public ReaderProfileService(ReaderProfileRepository profiles, AccountService accounts) {
        this.profiles = profiles;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('READER')")
    public Optional<ReaderProfile> myProfile() {
        return profiles.find(me());
    }

    @Transactional
    @PreAuthorize("hasRole('READER')")
    public void saveMine(ReaderProfile profile) {
        profiles.save(me(), profile);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('ADMIN', 'COORDINATOR')")
    public Optional<ReaderProfile> profileOf(AccountId reader) {
        return profiles.find(reader.value());
    }

    private long me() {
        return accounts.currentAccount().id().value();
    }
}
