package io.threadwatch.samples.unboundedcache;

import io.threadwatch.samples.support.LineServer;
import io.threadwatch.samples.support.SampleRun;
import java.io.IOException;

/**
 * A report-export service: one line {@code EXPORT <customer> <report> <asOf>} per connection,
 * answered with the size and checksum of the rendered report (CSV, 10–100 KB). A fixed pool of 8
 * workers ({@link LineServer}) renders the reports and keeps them in a {@link ReportCache} so that
 * repeated exports are served from memory.
 *
 * <p><b>Problem:</b> the cache is keyed by the whole request, including the {@code asOf}
 * timestamp the clients send, so no export is ever served from it, and nothing is ever evicted:
 * every rendered report stays reachable. At about 50 exports a second the heap used after GC
 * grows by about 3 MB a second for the whole run. See {@link ReportCache} for the fix.
 */
public final class ExportService {

    private static final int WORKERS = 8;

    private ExportService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        LineServer.run(SampleRun.duration(args), "export", WORKERS, "EXPORT <customer> <report> <asOf>",
                new ExportHandler(new ReportCache(), new ReportRenderer()), ExportLoad.class);
    }
}
