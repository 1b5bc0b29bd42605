package org.switchboard.sip.transaction;

/**
 * Why a transaction ended without a final response. RFC 3261 §8.1.3.1 says a UAC treats a
 * timeout as a 408 and a transport error as a 503; {@link #status()} gives that code.
 */
public enum TransactionFailure {
    /** Timer B or F fired (client), or Timer H: no ACK arrived (INVITE server). */
    TIMEOUT(408, "Request Timeout"),
    /** The transport reported that the message could not be sent. */
    TRANSPORT_ERROR(503, "Service Unavailable");

    private final int status;
    private final String reason;

    TransactionFailure(int status, String reason) {
        this.status = status;
        this.reason = reason;
    }

    /** The response status a UAC core treats this failure as. */
    public int status() { return status; }

    /** The matching reason phrase. */
    public String reason() { return reason; }
}
