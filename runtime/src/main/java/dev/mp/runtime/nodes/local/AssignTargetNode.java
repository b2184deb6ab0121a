package dev.mp.runtime.nodes.local;

import com.oracle.truffle.api.frame.VirtualFrame;
import com.oracle.truffle.api.nodes.Node;

/** Something a value can be assigned to and deleted from: a name, an attribute, an item or a pattern. */
public abstract class AssignTargetNode extends Node {

    public abstract void assign(VirtualFrame frame, Object value);

    public abstract void delete(VirtualFrame frame);
}
