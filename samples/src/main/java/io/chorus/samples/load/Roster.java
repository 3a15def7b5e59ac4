package io.chorus.samples.load;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The synthetic participants of one room in join order, which is the order the grid layout places
 * them in, with what a reader of the composite needs of each: its id, its send log, where its
 * latencies go.
 */
final class Roster {
    /** One member as the composite's reader sees it. */
    record Member(String id, SendLog sends, Samples latenciesMs) {
    }

    private final List<Member> members = new CopyOnWriteArrayList<>();

    void add(Member member) {
        members.add(member);
    }

    List<Member> members() {
        return members;
    }

    List<String> ids() {
        return members.stream().map(Member::id).toList();
    }
}
