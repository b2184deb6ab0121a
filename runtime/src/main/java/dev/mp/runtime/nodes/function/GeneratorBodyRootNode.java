package dev.mp.runtime.nodes.function;

import com.oracle.truffle.api.TruffleLanguage;
import com.oracle.truffle.api.frame.FrameDescriptor;
import com.oracle.truffle.api.frame.MaterializedFrame;
import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.source.Source;

import dev.mp.runtime.MpException;
import dev.mp.runtime.nodes.CallStack;
import dev.mp.runtime.nodes.MpRootNode;
import dev.mp.runtime.nodes.MpStatementNode;
import dev.mp.runtime.nodes.controlflow.ReturnException;
import dev.mp.runtime.objects.PNone;

/** Runs a generator's body in its saved frame: arguments {@code [frame, generator]}. Returns the return value. */
public final class GeneratorBodyRootNode extends MpRootNode {
    @Child private MpStatementNode body;

    public GeneratorBodyRootNode(TruffleLanguage<?> language, String name, Source source, MpStatementNode body) {
        super(language, new FrameDescriptor(), name, source);
        this.body = body;
    }

    @Override
    public Object execute(VirtualFrame frame) {
        if (frame.getArguments() == PREPARE_ONLY) {
            return PNone.NONE;
        }
        MaterializedFrame generatorFrame = (MaterializedFrame) frame.getArguments()[0];
        CallStack stack = CallStack.current();
        if (stack != null) {
            stack.push(this, generatorFrame);
        }
        try {
            body.execute(generatorFrame);
            return PNone.NONE;
        } catch (ReturnException r) {
            return r.value;
        } catch (MpException e) {
            e.leaveFrame();
            throw e;
        } finally {
            if (stack != null) {
                stack.pop();
            }
        }
    }
}
