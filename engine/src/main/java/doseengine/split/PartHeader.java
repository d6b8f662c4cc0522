package doseengine.split;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import doseengine.transport.BackendChoice;
import doseengine.transport.PartRun;

/**
 * The {@code part} object of a part file or checkpoint header ({@link PartFile}): K and N (1 and 1 for a whole
 * run), the batches it holds, threads, seconds, backend, and per batch the backend and device that ran it.
 */
public final class PartHeader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PartHeader() {}

    /**
     * The header of the batches {@code [r.firstBatch(), heldEnd)} of {@code r}; the records of batches run before a
     * resume are taken from {@code earlier} (the checkpoint's {@code part.batches}, or null), so each batch keeps
     * the backend that really ran it.
     */
    public static ObjectNode of(PartRun r, int heldEnd, JsonNode earlier) {
        ObjectNode part = JSON.createObjectNode();
        part.put("k", r.part() == null ? 1 : r.part().k());
        part.put("n", r.part() == null ? 1 : r.part().n());
        part.put("first_batch", r.firstBatch());
        part.put("end_batch", heldEnd);
        part.put("threads", r.outcome().threads());
        part.put("seconds", r.outcome().seconds());
        part.put("setup_seconds", r.setupSeconds());
        BackendChoice.Resolved b = r.settings().backend();
        ObjectNode backend = part.putObject("backend");
        backend.put("name", b.name());
        backend.put("device", b.device());
        backend.put("opencl_device", b.openClDevice());
        ArrayNode batches = part.putArray("batches");
        int resumedEnd = r.firstBatch() + (earlier == null ? 0 : earlier.size());
        for (int i = r.firstBatch(); i < heldEnd; i++) {
            if (i < resumedEnd) {
                batches.add(earlier.get(i - r.firstBatch()).deepCopy());
                continue;
            }
            ObjectNode o = batches.addObject();
            o.put("index", i);
            o.put("decays", r.plan().decaysPerBatch(i));
            o.put("backend", b.name());
            o.put("device", b.device());
        }
        return part;
    }
}
