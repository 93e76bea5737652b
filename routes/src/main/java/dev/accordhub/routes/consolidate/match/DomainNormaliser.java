package dev.accordhub.routes.consolidate.match;

import dev.accordhub.model.program.Normalise;
import java.util.Set;

/**
 * Web domains as identity evidence. The host is normalised the way every program mapper does it
 * ({@link Normalise#domain}); on top of that this class knows where the registrable part of a host starts, so
 * {@code shop.acme.co.uk} and {@code acme.com} share the root label {@code acme}, and which domains say nothing
 * about a company because thousands of unrelated companies use them (free mail, site builders).
 */
public final class DomainNormaliser {

    /**
     * Public suffixes with two labels that companies register under. Not the whole Public Suffix List: a domain
     * under a suffix missing here only yields a wrong root label, which costs a blocking key, never a merge,
     * because a merge on a root label alone also needs the name to agree.
     */
    private static final Set<String> TWO_LABEL_SUFFIXES = Set.of(
            "co.uk", "org.uk", "ltd.uk", "plc.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "org.nz",
            "co.jp", "ne.jp", "or.jp", "com.br", "net.br", "com.cn", "net.cn", "com.hk", "com.sg", "com.my",
            "co.in", "net.in", "org.in", "firm.in", "co.za", "com.mx", "com.ar", "com.tr", "co.kr", "co.il",
            "com.tw", "co.id", "com.ph", "com.vn", "com.pl", "com.es", "com.pt", "co.at", "or.at", "com.co");

    /** Hosts shared by unrelated companies: two partners writing {@code gmail.com} are not the same partner. */
    private static final Set<String> SHARED_HOSTS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
            "yahoo.co.uk", "yahoo.co.jp", "aol.com", "icloud.com", "me.com", "gmx.de", "gmx.net", "web.de",
            "t-online.de", "orange.fr", "free.fr", "wanadoo.fr", "libero.it", "qq.com", "163.com", "mail.ru",
            "yandex.ru", "protonmail.com", "proton.me", "zoho.com", "wixsite.com", "wix.com", "squarespace.com",
            "wordpress.com", "blogspot.com", "github.io", "linkedin.com", "facebook.com", "example.com");

    /** What companies put around their name in a second domain: getacme.com, acme-online.com, acmehq.com. */
    private static final Set<String> MARKETING_PREFIXES = Set.of("get", "go", "try", "use", "my", "join", "hello",
            "the", "we", "meet", "visit", "shop", "buy");
    private static final Set<String> MARKETING_SUFFIXES = Set.of("hq", "app", "apps", "online", "group", "grp",
            "global", "inc", "corp", "co", "llc", "ltd", "gmbh", "usa", "web", "site", "home", "official", "world",
            "intl", "international", "now", "io", "hub", "team", "partners");

    private DomainNormaliser() {
    }

    /** {@code "https://www.Acme.com/partners"} → {@code "acme.com"}; null for blank input. */
    public static String normalise(String website) {
        return Normalise.domain(website);
    }

    /** The part a company registers: {@code shop.acme.co.uk} → {@code acme.co.uk}; null for null or a bare label. */
    public static String registrableDomain(String domain) {
        if (domain == null) {
            return null;
        }
        int last = domain.lastIndexOf('.');
        if (last <= 0) {
            return null;
        }
        int secondLast = domain.lastIndexOf('.', last - 1);
        if (secondLast < 0) {
            return domain;
        }
        if (TWO_LABEL_SUFFIXES.contains(domain.substring(secondLast + 1))) {
            int thirdLast = domain.lastIndexOf('.', secondLast - 1);
            return secondLast == 0 ? null : domain.substring(thirdLast + 1);
        }
        return domain.substring(secondLast + 1);
    }

    /** The label a company chose: {@code acme.co.uk} and {@code www.acme.com} → {@code acme}. */
    public static String rootLabel(String domain) {
        String registrable = registrableDomain(domain);
        if (registrable == null) {
            return null;
        }
        return registrable.substring(0, registrable.indexOf('.'));
    }

    /**
     * True when one root label is the other with a marketing prefix or suffix or a country code
     * ({@code acme} / {@code getacme}, {@code acme-online}, {@code acme-de}): the same company's second domain. Not
     * when the extra part is a word of its own ({@code wilson} / {@code wilsondigital}): that is as often another
     * company of the same name.
     */
    public static boolean isMarketingVariant(String rootA, String rootB) {
        String shorter = rootA.length() <= rootB.length() ? rootA : rootB;
        String longer = shorter == rootA ? rootB : rootA;
        if (shorter.length() < 3 || shorter.length() == longer.length()) {
            return false;
        }
        if (longer.startsWith(shorter)) {
            String suffix = strip(longer.substring(shorter.length()));
            return MARKETING_SUFFIXES.contains(suffix) || (suffix.length() == 2 && suffix.chars().allMatch(
                    Character::isLetter));
        }
        if (longer.endsWith(shorter)) {
            return MARKETING_PREFIXES.contains(strip(longer.substring(0, longer.length() - shorter.length())));
        }
        return false;
    }

    /**
     * The root label without a marketing prefix or suffix ({@code getacme}, {@code acme-online} → {@code acme}),
     * when what remains has three letters or more; else the label itself.
     */
    public static String withoutMarketingAffix(String root) {
        for (String prefix : MARKETING_PREFIXES) {
            if (root.startsWith(prefix) && root.length() - prefix.length() >= 3) {
                String rest = strip(root.substring(prefix.length()));
                if (rest.length() >= 3) {
                    return rest;
                }
            }
        }
        int dash = root.lastIndexOf('-');
        for (String suffix : MARKETING_SUFFIXES) {
            if (root.endsWith(suffix) && root.length() - suffix.length() >= 3) {
                String rest = strip(root.substring(0, root.length() - suffix.length()));
                if (rest.length() >= 3) {
                    return rest;
                }
            }
        }
        return dash >= 3 && root.length() - dash == 3 ? root.substring(0, dash) : root;
    }

    private static String strip(String affix) {
        int from = affix.startsWith("-") ? 1 : 0;
        int to = affix.endsWith("-") ? affix.length() - 1 : affix.length();
        return from >= to ? "" : affix.substring(from, to);
    }

    /** True for free-mail and site-builder hosts, which identify nobody. */
    public static boolean isShared(String domain) {
        String registrable = registrableDomain(domain);
        return registrable != null && (SHARED_HOSTS.contains(registrable) || SHARED_HOSTS.contains(domain));
    }
}
