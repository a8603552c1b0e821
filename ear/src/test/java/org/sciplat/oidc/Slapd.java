package org.sciplat.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.ModificationItem;

/**
 * Debian's OpenLDAP server (slapd), started once for the test run on a loopback port with a fresh database loaded
 * from src/test/ldap/sciplat.ldif, and stopped when the tests' JVM ends. The OIDC server takes its users' groups
 * and POSIX ids from it (ear/pom.xml, sciplat.ldap.*).
 */
final class Slapd {

    static final int PORT = Integer.getInteger("it.ldap.port", 9494);
    static final String SUFFIX = "dc=sciplat,dc=test";
    static final String ROOT_DN = "cn=admin," + SUFFIX;
    static final String ROOT_PASSWORD = "it-ldap-admin";
    private static final Path LDIF = Path.of(System.getProperty("it.ldap.ldif", "src/test/ldap/sciplat.ldif"));
    private static final Path DIR = Path.of(System.getProperty("it.ldap.dir", "target/slapd"));
    private static final Duration START = Duration.ofSeconds(30);
    private static boolean running;

    private Slapd() {
    }

    static synchronized void ensureRunning() {
        if (running) {
            return;
        }
        try {
            Path data = DIR.resolve("data");
            if (Files.exists(DIR.resolve("slapd.pid"))) {
                stop();
            }
            deleteTree(data);
            Files.createDirectories(data);
            Path config = DIR.resolve("slapd.conf");
            Files.writeString(config, String.join("\n",
                    "include /etc/ldap/schema/core.schema",
                    "include /etc/ldap/schema/cosine.schema",
                    "include /etc/ldap/schema/nis.schema",
                    "include /etc/ldap/schema/inetorgperson.schema",
                    "pidfile " + DIR.toAbsolutePath().resolve("slapd.pid"),
                    "modulepath /usr/lib/ldap",
                    "moduleload back_mdb",
                    "database mdb",
                    "maxsize 104857600",
                    "suffix \"" + SUFFIX + "\"",
                    "rootdn \"" + ROOT_DN + "\"",
                    "rootpw " + ROOT_PASSWORD,
                    "directory " + data.toAbsolutePath(),
                    ""), StandardCharsets.UTF_8);
            run("/usr/sbin/slapadd", "-f", config.toString(), "-l", LDIF.toString());
            run("/usr/sbin/slapd", "-h", "ldap://127.0.0.1:" + PORT + "/", "-f", config.toString());
            awaitListening();
            running = true;
            Runtime.getRuntime().addShutdownHook(new Thread(Slapd::stop));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes a user out of a group, as an operator would. */
    static void removeMember(String group, String username) {
        modify(group, new ModificationItem(DirContext.REMOVE_ATTRIBUTE, new BasicAttribute("memberUid", username)));
    }

    static void addMember(String group, String username) {
        modify(group, new ModificationItem(DirContext.ADD_ATTRIBUTE, new BasicAttribute("memberUid", username)));
    }

    private static void modify(String group, ModificationItem change) {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        environment.put(Context.PROVIDER_URL, "ldap://127.0.0.1:" + PORT + "/");
        environment.put(Context.SECURITY_PRINCIPAL, ROOT_DN);
        environment.put(Context.SECURITY_CREDENTIALS, ROOT_PASSWORD);
        try {
            DirContext ldap = new InitialDirContext(environment);
            try {
                ldap.modifyAttributes("cn=" + group + ",ou=groups," + SUFFIX, new ModificationItem[] {change});
            } finally {
                ldap.close();
            }
        } catch (NamingException e) {
            throw new IllegalStateException("Cannot change LDAP group " + group, e);
        }
    }

    private static void stop() {
        try {
            Path pidFile = DIR.resolve("slapd.pid");
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                Files.deleteIfExists(pidFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening() {
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", PORT), 1000);
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        throw new AssertionError("slapd did not listen on " + PORT + " within " + START);
    }

    private static void run(String... command) throws IOException {
        Path log = DIR.resolve("slapd.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
