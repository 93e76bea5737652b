package dev.accordhub.hub.console;

import io.hawt.springboot.SpringHawtioContextListener;
import io.hawt.system.ConfigManager;
import io.hawt.web.auth.AuthenticationConfiguration;
import jakarta.servlet.ServletContext;
import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

/**
 * Hawtio's own start-up, with one change: the JAAS realm it authenticates against is {@link OperatorLoginModule}
 * only (no Spring Security, no {@code hawtio-oidc.properties}, no tomcat-users.xml), configured in this JVM and
 * this application context rather than through the process-wide {@code java.security.auth.login.config}.
 */
class OperatorHawtioContextListener extends SpringHawtioContextListener {

    private final OperatorSignIn signIn;

    OperatorHawtioContextListener(ConfigManager configManager, String servletPath, OperatorSignIn signIn) {
        super(configManager, servletPath);
        this.signIn = signIn;
    }

    @Override
    protected void configureAuthenticationProviders(ServletContext servletContext,
            AuthenticationConfiguration authConfig) {
        AppConfigurationEntry[] entries = {new AppConfigurationEntry(OperatorLoginModule.class.getName(),
                AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of(OperatorLoginModule.SIGN_IN, signIn))};
        authConfig.addConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String realm) {
                return entries;
            }
        });
    }
}
