package dev.cognitosecured.examples.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** The example's WAR with entries added, as a deployer adds a server-specific descriptor or a test adds a bean. */
final class Wars {

    private Wars() {
    }

    /** A copy of the example's WAR at {@code target}, with {@code extra} entries (name to content) added. */
    static Path withEntries(Path target, Map<String, byte[]> extra) {
        Path war = Path.of(System.getProperty("payara.war"));
        try {
            Files.createDirectories(target.getParent());
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(war));
                    ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                    if (!extra.containsKey(entry.getName())) {
                        out.putNextEntry(new ZipEntry(entry.getName()));
                        in.transferTo(out);
                        out.closeEntry();
                    }
                }
                for (Map.Entry<String, byte[]> entry : extra.entrySet()) {
                    out.putNextEntry(new ZipEntry(entry.getKey()));
                    out.write(entry.getValue());
                    out.closeEntry();
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compiled test class {@code type}, as an entry of {@code WEB-INF/classes}. */
    static Map.Entry<String, byte[]> classEntry(Class<?> type) {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no class file " + name);
            }
            return Map.entry("WEB-INF/classes/" + name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
