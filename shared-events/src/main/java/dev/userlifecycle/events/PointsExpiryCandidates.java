package dev.userlifecycle.events;

import java.util.List;

/**
 * One page of the answer to {@link FindPointsExpiryCandidates}.
 *
 * @param userIds  candidates in ascending order of id
 * @param lastPage {@code true} when no candidate follows the last id of this page
 */
public record PointsExpiryCandidates(List<String> userIds, boolean lastPage) {

    public PointsExpiryCandidates {
        userIds = List.copyOf(userIds);
    }
}
