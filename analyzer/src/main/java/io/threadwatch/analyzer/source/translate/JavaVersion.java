package io.threadwatch.analyzer.source.translate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java version of a recorded JVM, in the style of {@code java.runtime.version}
 * ({@code 21.0.2+13-LTS-58}, {@code 1.8.0_292-b10}), from {@code jdk.JVMInformation.jvmVersion}.
 *
 * <p>HotSpot writes there its internal version string ({@code Abstract_VM_Version::internal_vm_info_string}):
 * {@code VM name (VM release) for os-arch JRE (Java version), built on ... [by "user"] with compiler}.
 * The first parentheses are the VM's release, which is the Java version from JDK 9 on but the
 * HotSpot version on JDK 8 ({@code 25.292-b10}), and the VM name itself may hold some
 * ({@code Java HotSpot(TM)}), so the version is read after {@code JRE}. Zulu writes its own
 * version there first ({@code JRE (Zulu 8.46.0.52-SA-linux64) (1.8.0_252-b14)}). OpenJ9 writes
 * {@code java.vm.info} instead ({@code JFRConstantPoolTypes.hpp}), which names the JDK it is
 * {@code based on jdk-21.0.8+9}, or, in early builds, only {@code JRE 21}.
 */
final class JavaVersion {

    private static final String JRE = " JRE ";
    private static final Pattern BASED_ON = Pattern.compile("based on jdk-?([0-9][^\\s)]*)");
    /** How an OpenJ9 build of JDK 8 names its base: {@code jdk8u222-b10}. */
    private static final Pattern JDK8_BASE = Pattern.compile("8u([0-9]+)(-b[0-9]+)?");
    private static final Pattern JRE_WORD = Pattern.compile("\\bJRE ([0-9]+(?:\\.[0-9]+)*)\\b");
    private static final Pattern PARENTHESIZED = Pattern.compile("\\(([0-9][^()\\s,]*)\\)");

    private JavaVersion() {
    }

    /** The Java version in {@code jvmVersion}, or its first line when it names none. */
    static String of(String jvmVersion) {
        String afterJre = afterJre(jvmVersion);
        if (afterJre != null) {
            return afterJre;
        }
        Matcher base = BASED_ON.matcher(jvmVersion);
        if (base.find()) {
            Matcher jdk8 = JDK8_BASE.matcher(base.group(1));
            return jdk8.matches() ? "1.8.0_" + jdk8.group(1) + (jdk8.group(2) == null ? "" : jdk8.group(2))
                    : base.group(1);
        }
        Matcher jre = JRE_WORD.matcher(jvmVersion);
        if (jre.find()) {
            return jre.group(1);
        }
        Matcher parenthesized = PARENTHESIZED.matcher(jvmVersion);
        if (parenthesized.find()) {
            return parenthesized.group(1);
        }
        return jvmVersion.lines().findFirst().orElse("").strip();
    }

    /** The last parenthesized group after {@code JRE} that starts with a digit, or {@code null}. */
    private static String afterJre(String jvmVersion) {
        int jre = jvmVersion.indexOf(JRE + "(");
        if (jre < 0) {
            return null;
        }
        String found = null;
        int at = jre + JRE.length();
        while (at < jvmVersion.length() && jvmVersion.charAt(at) == '(') {
            int close = jvmVersion.indexOf(')', at);
            if (close < 0) {
                break;
            }
            String group = jvmVersion.substring(at + 1, close).strip();
            if (!group.isEmpty() && Character.isDigit(group.charAt(0))) {
                found = group;
            }
            at = close + 1;
            while (at < jvmVersion.length() && jvmVersion.charAt(at) == ' ') {
                at++;
            }
        }
        return found;
    }
}
