package dev.mp.runtime.objects;

/**
 * An instance of OSError or a subclass. As in CPython, the file names given to the constructor are kept
 * apart from {@code args}, which then holds just {@code (errno, strerror)}.
 */
public final class POSError extends PBaseException {
    private Object filename = PNone.NONE;
    private Object filename2 = PNone.NONE;

    public POSError(PClass cls, PTuple args) {
        super(cls, args);
        initialize(args);
    }

    /** Takes the constructor's arguments, {@code (errno, strerror[, filename[, winerror[, filename2]]])}. */
    public void initialize(PTuple args) {
        int n = args.size();
        if (n >= 3 && n <= 5) {
            filename = args.get(2);
            filename2 = n == 5 ? args.get(4) : PNone.NONE;
            super.setArgs(PTuple.of(args.get(0), args.get(1)));
        } else {
            filename = PNone.NONE;
            filename2 = PNone.NONE;
            super.setArgs(args);
        }
    }

    public Object filename() {
        return filename;
    }

    public Object filename2() {
        return filename2;
    }
}
