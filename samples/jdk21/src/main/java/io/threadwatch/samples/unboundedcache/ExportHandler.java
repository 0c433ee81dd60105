package io.threadwatch.samples.unboundedcache;

import io.threadwatch.samples.support.LineServer;
import java.util.zip.CRC32;

/** Handles one {@code EXPORT <customer> <report> <asOf>} request on a pool worker. */
final class ExportHandler implements LineServer.Requests {

    private final ReportCache cache;
    private final ReportRenderer renderer;

    ExportHandler(ReportCache cache, ReportRenderer renderer) {
        this.cache = cache;
        this.renderer = renderer;
    }

    @Override
    public String answer(String[] request) {
        String customer = request[1];
        String report = request[2];
        long asOf = Long.parseLong(request[3]);
        byte[] csv = cache.get(customer, report, asOf, () -> renderer.render(customer, report, asOf));
        CRC32 crc = new CRC32();
        crc.update(csv);
        return "OK " + csv.length + " " + Long.toHexString(crc.getValue());
    }
}
