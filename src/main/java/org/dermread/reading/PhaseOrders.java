package org.dermread.reading;

import org.dermread.studies.PhaseOrder;

/** The reading phases of a {@link PhaseOrder}. */
final class PhaseOrders {

    private PhaseOrders() {
    }

    /** The reader's first phase; a participation without an order (one phase, or not started) reads unaided first. */
    static Phase first(PhaseOrder order) {
        return order == PhaseOrder.AIDED_FIRST ? Phase.AIDED : Phase.UNAIDED;
    }

    static Phase second(PhaseOrder order) {
        return first(order) == Phase.AIDED ? Phase.UNAIDED : Phase.AIDED;
    }
}
