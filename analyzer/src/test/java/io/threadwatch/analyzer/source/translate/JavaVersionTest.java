package io.threadwatch.analyzer.source.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jdk.JVMInformation.jvmVersion} strings ({@link JavaVersion}) of real JVMs and the Java version the report must
 * give for each. Where each string comes from is said above it; two (GraalVM, Corretto) are put
 * together from a cited release string in HotSpot's format
 * ({@code Abstract_VM_Version::internal_vm_info_string}) because no verbatim one was found.
 */
class JavaVersionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Oracle JDK 21, as quoted (with its elisions) from a public recording in the defect report that
            # found `source.jvm.version` = TM.
            Oracle 21 | Java HotSpot(TM) 64-Bit Server VM (21.0.2+13-LTS-58) for linux-amd64 JRE (21.0.2+13-LTS-58), built on ... by "mach5one" with gcc ... | 21.0.2+13-LTS-58
            # Oracle JDK 9, hs_err vm_info in github.com/aionnetwork/aion/issues/29.
            Oracle 9 | Java HotSpot(TM) 64-Bit Server VM (9.0.4+11) for linux-amd64 JRE (9.0.4+11), built on Dec 19 2017 18:12:19 by "mach5one" with gcc 4.9.2 | 9.0.4+11
            # Oracle JDK 9, JFR JVMInformation of a 9+181 recording in openjdk/jmc
            # core/tests/org.openjdk.jmc.flightrecorder.test/src/test/resources/printouts/9u0.jfr.txt.
            Oracle 9 JFR | Java HotSpot(TM) 64-Bit Server VM (9+181) for bsd-amd64 JRE (9+181), built on Aug  2 2017 21:10:28 by "javare" with gcc 4.2.1 Compatible Apple LLVM 6.1.0 (clang-602.0.49) | 9+181
            # Oracle JDK 8, mgm3746/krashpad src/test/java/org/github/krashpad/domain/jdk/TestVmInfoEvent.java.
            Oracle 8 | Java HotSpot(TM) 64-Bit Server VM (25.192-b12) for linux-amd64 JRE (1.8.0_192-b12), built on Oct  6 2018 06:46:09 by "java_re" with gcc 7.3.0 | 1.8.0_192-b12
            # OpenJDK 8 on Windows, krashpad TestVmInfoEvent (testWindowsUnknownJdk8).
            OpenJDK 8 | OpenJDK 64-Bit Server VM (25.292-b10) for windows-amd64 JRE (1.8.0_292-b10), built on May  1 2021 22:47:32 by "build" with MS VC++ 10.0 (VS2010) | 1.8.0_292-b10
            # Oracle's OpenJDK 11 GA build, krashpad TestVmInfoEvent (testOracleOld).
            OpenJDK 11 | OpenJDK 64-Bit Server VM (11+28) for linux-amd64 JRE (11+28), built on Aug 22 2018 18:55:06 by "mach5one" with gcc 7.3.0 | 11+28
            # AdoptOpenJDK (now Temurin) 11, a jdk.JVMInformation printout quoted in newrelic/newrelic-jfr-core's JVMInformation mapper.
            AdoptOpenJDK 11 | OpenJDK 64-Bit Server VM (11.0.4+11) for bsd-amd64 JRE (11.0.4+11), built on Aug  5 2019 02:57:07 by "jenkins" with gcc 4.2.1 Compatible Apple LLVM 7.0.2 (clang-700.1.81) | 11.0.4+11
            # Temurin 17, krashpad TestVmInfoEvent (testTemurinJdk17).
            Temurin 17 | OpenJDK 64-Bit Server VM (17.0.4+8) for linux-amd64 JRE (17.0.4+8), built on Jul 19 2022 00:00:00 by "temurin" with gcc 10.3.0 | 17.0.4+8
            # Red Hat OpenJDK 17, krashpad TestVmInfoEvent (testJdk17).
            Red Hat 17 | OpenJDK 64-Bit Server VM (17.0.1+12-LTS) for linux-amd64 JRE (17.0.1+12-LTS), built on Oct 28 2021 01:59:13 by "mockbuild" with gcc 8.5.0 20210514 (Red Hat 8.5.0-3) | 17.0.1+12-LTS
            # Debian OpenJDK 17, JVMInformation of samples/recordings/deadlock.default-jdk17.jfr.gz.
            Debian 17 | OpenJDK 64-Bit Server VM (17.0.15+6-Debian-1deb12u1) for linux-amd64 JRE (17.0.15+6-Debian-1deb12u1), built on May  1 2025 09:21:09 by "buildd" with gcc 12.2.0 | 17.0.15+6-Debian-1deb12u1
            # Temurin 25 (no "by" since JDK 22), JVMInformation of samples/recordings/deadlock.threadwatch-jdk25.jfr.gz.
            Temurin 25 | OpenJDK 64-Bit Server VM (25.0.3+9-LTS) for linux-amd64 JRE (25.0.3+9-LTS), built on 2026-04-21T00:00:00Z with gcc 14.2.0 | 25.0.3+9-LTS
            # Zulu 8, krashpad TestVmInfoEvent (testZuluX86_64): Zulu puts its own version first.
            Zulu 8 | OpenJDK 64-Bit Server VM (25.252-b14) for linux-amd64 JRE (Zulu 8.46.0.52-SA-linux64) (1.8.0_252-b14), built on Apr 22 2020 07:39:02 by "zulu_re" with gcc 4.4.7 20120313 | 1.8.0_252-b14
            # Zulu 11, AdoptOpenJDK/jitwatch core/src/test/java/org/adoptopenjdk/jitwatch/test/TestVmVersionDetector.java.
            Zulu 11 | OpenJDK 64-Bit Server VM (11.0.3+7-LTS) for linux-amd64 JRE (Zulu11.31+11-CA) (11.0.3+7-LTS), built on Apr  6 2019 01:12:35 by "zulu_re" with gcc 4.9.2 20150212 (Red Hat 4.9.2-6) | 11.0.3+7-LTS
            # GraalVM CE 21.2.0 (JDK 11): release 11.0.12+6-jvmci-21.2-b08 from the hs_err header in
            # github.com/oracle/graal/issues/3918, in HotSpot's vm_info format (build date elided).
            GraalVM CE 11 | OpenJDK 64-Bit Server VM (11.0.12+6-jvmci-21.2-b08) for linux-amd64 JRE (11.0.12+6-jvmci-21.2-b08), built on ... by "..." with gcc ... | 11.0.12+6-jvmci-21.2-b08
            # Corretto 17.0.12: release 17.0.12+7-LTS from the hs_err header in github.com/corretto/corretto-17/issues/195,
            # in HotSpot's vm_info format (build date elided).
            Corretto 17 | OpenJDK 64-Bit Server VM (17.0.12+7-LTS) for linux-aarch64 JRE (17.0.12+7-LTS), built on ... by "jenkins" with gcc ... | 17.0.12+7-LTS
            # IBM Semeru 21 (OpenJ9 0.53.0): OpenJ9's JFR writes java.vm.info (runtime/vm/JFRConstantPoolTypes.hpp);
            # its value as `java -version` prints it in gsmet/semeru-jansi-issue README.md.
            Semeru 21 | JRE 21 Linux amd64-64-Bit Compressed References 20250715_547 (JIT enabled, AOT enabled)\\nOpenJ9   - 017819f167\\nOMR      - 266a8c6f5\\nJCL      - d5f1e70d135 based on jdk-21.0.8+9 | 21.0.8+9
            # IBM Semeru 25 (OpenJ9 0.55.0), same README.
            Semeru 25 | JRE 25 Linux amd64-64-Bit Compressed References 20250916_60 (JIT enabled, AOT enabled)\\nOpenJ9   - 6fb31293be\\nOMR      - b62e20077\\nJCL      - 56cc1351c53 based on jdk-25+36 | 25+36
            # OpenJ9 JDK 8 (AdoptOpenJDK), java.vm.info as `java -version` prints it in github.com/adoptium/temurin-build/issues/1188.
            OpenJ9 8 | JRE 1.8.0 Windows 10 amd64-64-Bit Compressed References 20190717_421 (JIT enabled, AOT enabled) OpenJ9 - 0f66c6431 OMR - ec782f26 JCL - f147086df1e based on jdk8u222-b10 | 1.8.0_222-b10
            # An OpenJ9 development build: jdk.JVMInformation printed in github.com/eclipse-openj9/openj9/pull/19974.
            OpenJ9 dev 21 | Eclipse OpenJ9 VM (build jvminfo-c249504ac6, JRE 21 Mac OS X aarch64-64-Bit 20240730_000000 (JIT enabled, AOT enabled)) | 21
            """)
    void javaVersionIsReadFromTheJreVersion(String jvm, String jvmVersion, String expected) {
        assertThat(JvmInformationTranslator.version(jvmVersion.replace("\\n", "\n"))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no version at all | Some VM | Some VM
            only a VM release, as a foreign JVM might write | Foo VM (1.2.3) on bar | 1.2.3
            several lines and nothing else | first line\\nsecond line | first line
            """)
    void aStringWithoutAJreVersionFallsBack(String what, String jvmVersion, String expected) {
        assertThat(JvmInformationTranslator.version(jvmVersion.replace("\\n", "\n"))).isEqualTo(expected);
    }
}
