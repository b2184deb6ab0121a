package dev.mp.runtime.nodes.controlflow;

import com.oracle.truffle.api.CompilerDirectives.TruffleBoundary;
import com.oracle.truffle.api.frame.VirtualFrame;

import dev.mp.runtime.MpContext;
import dev.mp.runtime.nodes.MpStatementNode;

/**
 * A top-level import in code that is in no file (the prompt, an embedder's string). Once it succeeded its text
 * is recorded, so a child process given functions from that code as source imports what they use.
 */
public final class RecordedImportNode extends MpStatementNode {
    @Child private MpStatementNode importStatement;
    private final String text;

    public RecordedImportNode(MpStatementNode importStatement, String text) {
        this.importStatement = importStatement;
        this.text = text;
    }

    @Override
    public void execute(VirtualFrame frame) {
        importStatement.execute(frame);
        record();
    }

    @TruffleBoundary
    private void record() {
        MpContext.get(this).sourcesWithoutFile().rememberImport(text);
    }
}
