package org.dermread.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dermread.accounts.internal.AccountRepository;
import org.dermread.accounts.internal.AccountRepository.SignInRecord;
import org.dermread.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Checks a user name and password, the only way into DermRead. Every refusal looks and costs the same, so neither
 * the answer nor its timing tells whether a name exists, is disabled or is being throttled: each attempt reads the
 * account once and checks exactly one bcrypt hash (a dummy hash for an unknown name), then refuses with the same
 * exception. The throttle ({@link LoginThrottle}) decides whether an attempt is evaluated at all.
 *
 * <p>Failed attempts are audited under the account's own name for a known account and under a hash for an unknown
 * one (a password typed into the name field never reaches the audit log); attempts inside a delay are not audited
 * one by one, only the start of each delay, so anonymous visitors cannot fill the log.
 */
@Component
public class SignInProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(SignInProvider.class);
    /** The longest user name an account can have; longer input is treated as unknown without a lookup. */
    private static final int MAX_USERNAME = 64;

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    /** Checked for unknown names so that they cost the same bcrypt work as known ones. */
    private final String dummyHash;

    SignInProvider(AccountRepository accounts, PasswordEncoder encoder, LoginThrottle throttle, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.throttle = throttle;
        this.audit = audit;
        this.dummyHash = encoder.encode(PasswordPolicy.generate());
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName().strip();
        String password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress()
                : "unknown";
        LoginThrottle.Keys keys = LoginThrottle.keys(username, address);

        LoginThrottle.Verdict verdict = throttle.verdict(keys);
        Optional<SignInRecord> account = username.length() <= MAX_USERNAME ? accounts.signInRecord(username)
                : Optional.empty();
        boolean passwordMatches = encoder.matches(password, account.map(SignInRecord::passwordHash).orElse(dummyHash));

        if (!verdict.allowed()) {
            throttle.refused(keys);
            throw refusal();
        }
        if (passwordMatches && account.isPresent() && account.get().enabled()) {
            SignInRecord signedIn = account.get();
            throttle.succeeded(keys);
            audit.recordAs(signedIn.username(), "signin.ok", signedIn.username(), "from " + address);
            return token(signedIn, address);
        }
        String who = account.map(SignInRecord::username).orElseGet(() -> unknownName(username));
        List<String> delayed = throttle.failed(keys);
        audit.recordAs(who, "signin.failed", who, "from " + address);
        for (String scope : delayed) {
            audit.recordAs(who, "signin.throttled", who, "repeated failures per " + scope + ", from " + address);
            log.warn("Sign-in attempts for {} from {} are being delayed ({} throttle)", who, address, scope);
        }
        throw refusal();
    }

    /** The same refusal for every reason: wrong password, unknown name, disabled account, throttled attempt. */
    private static BadCredentialsException refusal() {
        return new BadCredentialsException("Bad credentials");
    }

    /** How an unknown name appears in the audit log: a hash, so equal names can be told apart and none is shown. */
    static String unknownName(String typed) {
        return "unknown:" + LoginThrottle.sha256(typed.toLowerCase(Locale.ROOT)).substring(0, 12);
    }

    private static Authentication token(SignInRecord account, String address) {
        List<SimpleGrantedAuthority> authorities = account.roles().stream()
                .map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        User principal = new User(account.username(), "", authorities);
        UsernamePasswordAuthenticationToken token =
                UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        token.setDetails(new SignInDetails(address, account.id(), account.securityVersion()));
        return token;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
