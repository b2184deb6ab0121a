package dev.mp.runtime.socket;

/**
 * Name resolution failed. Python: {@code socket.gaierror(code, gai_strerror(code))}, e.g.
 * {@code "[Errno -2] Name or service not known"}; the code is the (negative, on glibc) EAI_* value.
 */
public final class SocketGaiError extends SocketErrnoException {
    private static final long serialVersionUID = 1L;

    public SocketGaiError(int eaiCode, String message) {
        super(eaiCode, message);
    }

    @Override
    public String pythonType() { return "gaierror"; }
}
