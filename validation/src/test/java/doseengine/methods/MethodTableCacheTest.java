package doseengine.methods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kernels come back only under exactly the key they were stored with. */
class MethodTableCacheTest {
    @TempDir
    Path dir;

    @Test
    void aStoredTableIsReadBackUnderItsKey() {
        MethodTableCache c = new MethodTableCache(dir);
        ObjectNode o = MethodTableCache.object();
        o.putArray("values").add(1.5).add(2.5);
        c.write("radial", "radial|physics=1|Lu-177", o);
        assertEquals(2.5, c.read("radial", "radial|physics=1|Lu-177").orElseThrow().get("values").get(1).asDouble());
        assertTrue(c.read("radial", "radial|physics=2|Lu-177").isEmpty(), "another physics version is another kernel");
    }

    @Test
    void aFileUnderTheRightNameButAnotherKeyIsNotUsed() throws Exception {
        MethodTableCache c = new MethodTableCache(dir);
        String key = "vsv|physics=1|Y-90";
        Files.createDirectories(dir);
        Files.writeString(c.file("vsv", key), "{\"key\":\"something else\",\"values\":[1]}");
        assertTrue(c.read("vsv", key).isEmpty());
        Files.writeString(c.file("vsv", key), "{ damaged");
        assertTrue(c.read("vsv", key).isEmpty());
    }
}
