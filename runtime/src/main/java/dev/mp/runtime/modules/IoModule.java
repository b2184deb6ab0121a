package dev.mp.runtime.modules;

import dev.mp.runtime.objects.PModule;
import dev.mp.runtime.socket.SocketFile;

/**
 * The {@code _io} module: the classes of the streams implemented in Java and the abstract bases they derive
 * from; the bundled {@code io} module adds StringIO and BytesIO (in mp) on top.
 */
final class IoModule {
    private IoModule() {
    }

    static void populate(PModule m) {
        m.dict().put("_IOBase", IoBaseClasses.IO_BASE);
        m.dict().put("_RawIOBase", IoBaseClasses.RAW_IO_BASE);
        m.dict().put("_BufferedIOBase", IoBaseClasses.BUFFERED_IO_BASE);
        m.dict().put("_TextIOBase", IoBaseClasses.TEXT_IO_BASE);
        m.dict().put("TextIOWrapper", TextIOWrapper.TYPE);
        m.dict().put("BufferedReader", FileObjects.READER);
        m.dict().put("BufferedWriter", FileObjects.WRITER);
        m.dict().put("BufferedRandom", FileObjects.RANDOM);
        m.dict().put("BufferedRWPair", SocketFile.READ_WRITE_PAIR);
        m.dict().put("UnsupportedOperation", FileObjects.UNSUPPORTED_OPERATION);
        m.dict().put("DEFAULT_BUFFER_SIZE", 8192L);
    }
}
