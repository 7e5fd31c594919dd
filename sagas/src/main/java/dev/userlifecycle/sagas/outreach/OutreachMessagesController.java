package dev.userlifecycle.sagas.outreach;

import dev.userlifecycle.events.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the recording adapter would have sent: a demo shows it, a test asserts on it. */
@RestController
@RequestMapping("/api/v1/outreach")
public class OutreachMessagesController {

    static final int MAX_LIMIT = 500;

    private final RecordingOutreachGateway recording;

    public OutreachMessagesController(RecordingOutreachGateway recording) {
        this.recording = recording;
    }

    /** Recorded messages, newest first, optionally of one user and one campaign; {@code limit} is 1 to 500. */
    @GetMapping("/messages")
    public List<RecordedOutreach> messages(@RequestParam(required = false) String userId,
                                           @RequestParam(required = false) String campaignId,
                                           @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return recording.list(userId, campaignId, limit);
    }
}
