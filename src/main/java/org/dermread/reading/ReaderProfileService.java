package org.dermread.reading;

import java.util.Optional;
import org.dermread.accounts.AccountService;
import org.dermread.reading.internal.ReadingRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A reader's own experience profile. */
@Service
@PreAuthorize("hasRole('READER')")
public class ReaderProfileService {

    private final ReadingRepository repository;
    private final AccountService accounts;

    public ReaderProfileService(ReadingRepository repository, AccountService accounts) {
        this.repository = repository;
        this.accounts = accounts;
    }

    @Transactional(readOnly = true)
    public Optional<ReaderProfile> myProfile() {
        return repository.profile(accounts.currentAccount().id().value());
    }

    @Transactional
    public void save(ReaderProfile profile) {
        repository.saveProfile(accounts.currentAccount().id().value(), profile);
    }
}
