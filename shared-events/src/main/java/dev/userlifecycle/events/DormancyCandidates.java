package dev.userlifecycle.events;

import java.util.List;

/**
 * One page of the answer to {@link FindDormancyCandidates}.
 *
 * @param userIds  candidates in ascending order of id
 * @param lastPage {@code true} when no candidate follows the last id of this page
 */
public record DormancyCandidates(List<String> userIds, boolean lastPage) {

    public DormancyCandidates {
        userIds = List.copyOf(userIds);
    }
}
