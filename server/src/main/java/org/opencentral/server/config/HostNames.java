package org.opencentral.server.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Host name helpers: the machine's name and syntax checks for names and IP literals. */
public final class HostNames {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private HostNames() {
    }

    /** This machine's host name, or {@code localhost} when it cannot be determined. */
    public static String machineHostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            if (name != null && !name.isBlank()) {
                return name.toLowerCase(Locale.ROOT);
            }
        } catch (UnknownHostException e) {
            // fall through: use the environment, then localhost
        }
        String env = System.getenv("HOSTNAME");
        return env == null || env.isBlank() ? "localhost" : env.toLowerCase(Locale.ROOT);
    }

    /** True for a syntactically valid DNS name or IP literal. */
    public static boolean isValidHost(String host) {
        return ipLiteral(host).isPresent() || isDnsName(host);
    }

    public static boolean isDnsName(String host) {
        if (host.isEmpty() || host.length() > 253 || IPV4.matcher(host).matches()) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Parses an IPv4 or IPv6 literal without any DNS lookup. */
    public static Optional<InetAddress> ipLiteral(String text) {
        String host = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = IPV4.matcher(host).matches() && octetsInRange(host);
        boolean v6 = host.contains(":") && IPV6.matcher(host).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(host)); // a literal: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static boolean octetsInRange(String host) {
        for (String octet : host.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
