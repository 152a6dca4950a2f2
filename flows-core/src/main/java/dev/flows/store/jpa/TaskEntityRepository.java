package dev.flows.store.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/**
 * The statements of {@link JpaTaskStore}: one per store operation, none of them loads a row to
 * change it. Created by the store itself (not by repository scanning), so an application's own
 * {@code @EnableJpaRepositories} neither needs to include nor is affected by this package.
 */
interface TaskEntityRepository extends Repository<TaskEntity, String> {

	/** One SELECT by primary key. */
	Optional<TaskEntity> findById(String id);

	/** One INSERT (the entity is {@link TaskEntity#isNew() new}, so this persists, never merges). */
	TaskEntity saveAndFlush(TaskEntity entity);

	@Modifying
	@Query("""
			update FlowsTask t set t.flow = :flow, t.position = :position, t.history = :history, t.state = :state,
				t.log = :log, t.binding = :binding, t.status = :status, t.version = :newVersion,
				t.updatedAt = :updatedAt, t.expiresAt = :expiresAt
			where t.id = :id and t.version = :expectedVersion""")
	int update(@Param("id") String id, @Param("expectedVersion") long expectedVersion,
			@Param("newVersion") long newVersion, @Param("flow") String flow, @Param("position") String position,
			@Param("history") String history, @Param("state") String state, @Param("log") String log,
			@Param("binding") String binding, @Param("status") String status, @Param("updatedAt") Instant updatedAt,
			@Param("expiresAt") Instant expiresAt);

	@Modifying
	@Query("update FlowsTask t set t.expiresAt = :expiresAt where t.id = :id")
	int touch(@Param("id") String id, @Param("expiresAt") Instant expiresAt);

	@Modifying
	@Query("delete from FlowsTask t where t.id = :id")
	int remove(@Param("id") String id);

	/** Ids only, oldest expiry first, through the index on {@code expires_at}. */
	@Query("select t.id from FlowsTask t where t.expiresAt <= :now order by t.expiresAt")
	List<String> findExpiredIds(@Param("now") Instant now, Limit limit);

	/** Deletes only rows still expired: a task touched since the ids were read survives. */
	@Modifying
	@Query("delete from FlowsTask t where t.id in :ids and t.expiresAt <= :now")
	int deleteExpired(@Param("ids") Collection<String> ids, @Param("now") Instant now);

}
