package dev.mp.runtime;

import java.io.IOException;
import java.nio.charset.Charset;

import com.oracle.truffle.api.TruffleFile;

/** Recognizes {@code .mp} files as mp sources. */
public final class MpFileTypeDetector implements TruffleFile.FileTypeDetector {
    @Override
    public String findMimeType(TruffleFile file) throws IOException {
        String name = file.getName();
        return name != null && name.endsWith(".mp") ? MpLanguage.MIME_TYPE : null;
    }

    @Override
    public Charset findEncoding(TruffleFile file) throws IOException {
        return null;
    }
}
