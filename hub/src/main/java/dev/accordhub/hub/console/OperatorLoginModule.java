package dev.accordhub.hub.console;

import dev.accordhub.portal.security.Caller;
import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import io.hawt.web.auth.oidc.token.BearerTokenCallback;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * The JAAS login module of Hawtio's realm in the hub. Hawtio hands it either what an operator typed on its login page
 * (user name and password) or the bearer token a script sent to Jolokia; {@link OperatorSignIn} (passed in the
 * options under {@link #SIGN_IN}) decides. An operator gets a user principal (their e-mail address, else subject)
 * and the role {@value #ROLE}, which {@code hawtio.roles} asks for; anyone else fails to log in.
 */
public class OperatorLoginModule implements LoginModule {

    /** The option that carries the {@link OperatorSignIn}. */
    public static final String SIGN_IN = "accord.operatorSignIn";
    public static final String ROLE = "operator";

    private Subject subject;
    private CallbackHandler callbacks;
    private OperatorSignIn signIn;
    private List<Principal> principals = List.of();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.signIn = (OperatorSignIn) options.get(SIGN_IN);
    }

    @Override
    public boolean login() throws LoginException {
        if (signIn == null || callbacks == null) {
            throw new LoginException("OperatorLoginModule needs option " + SIGN_IN + " and a callback handler");
        }
        NameCallback name = new NameCallback("user name");
        PasswordCallback password = new PasswordCallback("password", false);
        BearerTokenCallback token = new BearerTokenCallback();
        try {
            callbacks.handle(new Callback[] {name, password, token});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new FailedLoginException("No credentials to check: " + e.getMessage());
        }
        try {
            Caller operator = token.getToken() != null ? signIn.withToken(token.getToken())
                    : signIn.withPassword(name.getName(), password.getPassword());
            String user = operator.email() != null ? operator.email() : operator.subject();
            principals = List.of(new UserPrincipal(user), new RolePrincipal(ROLE));
            return true;
        } finally {
            password.clearPassword();
        }
    }

    @Override
    public boolean commit() {
        subject.getPrincipals().addAll(principals);
        return !principals.isEmpty();
    }

    @Override
    public boolean abort() {
        principals = List.of();
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeAll(principals);
        principals = List.of();
        return true;
    }
}
