/**
 * The big-recording benchmark ({@code bench/big-recording.sh}): a generator of large, event-dense
 * JFR recordings, and the readers Threadwatch's {@code analyze} is compared with, each run in its
 * own JVM: a plain {@link jdk.jfr.consumer.RecordingFile} scan, a JMC load plus a scan of the
 * blocking events, and a raw read of the bytes (the I/O bound). Each reader prints one
 * {@code key=value} line on standard output; nothing here returns or accepts {@code null}.
 * {@link io.threadwatch.bench.bigfile.ThreadCpu} runs {@code analyze} for {@code bench/thread-cpu.sh}
 * and reads the CPU time of each of its threads from {@code /proc}.
 */
package io.threadwatch.bench.bigfile;
