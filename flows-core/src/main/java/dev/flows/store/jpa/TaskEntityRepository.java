package dev.flows.store.jpa;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import dev.flows.store.TaskRecord;

/**
 * The statements of {@link JpaTaskStore} that are the same on every database: one per store
 * operation, none of them loads an entity to change it. (The claim statements differ between
 * databases: see {@link ClaimStatements}.) Created by the store itself (not by repository scanning),
 * so an application's own {@code @EnableJpaRepositories} neither needs to include nor is affected by
 * this package.
 * <p>
 * The frequent writes are native statements: Hibernate translates a JPQL bulk UPDATE again on every
 * execution, a native one only has its parameters bound.
 */
interface TaskEntityRepository extends Repository<TaskEntity, String> {

	/**
	 * One SELECT by primary key, read into a record rather than a managed entity, so that a row
	 * changed by a bulk statement earlier in the same transaction reads as it is now.
	 */
	@NativeQuery(value = "select " + TaskEntity.RECORD_COLUMNS + " from flows_task where id = :id",
			sqlResultSetMapping = TaskEntity.RECORD_MAPPING)
	Optional<TaskRecord> findRecord(@Param("id") String id);

	/** One INSERT (the entity is {@link TaskEntity#isNew() new}, so this persists, never merges). */
	TaskEntity saveAndFlush(TaskEntity entity);

	/** Replaces the task if it is at {@code expectedVersion}, and ends any claim on it. */
	@Modifying
	@NativeQuery("""
			update flows_task set flow = :flow, position = :position, history = :history, state = :state,
				log = :log, binding = :binding, status = :status, version = :newVersion, updated_at = :updatedAt,
				expires_at = :expiresAt, owner = :owner, claim_token = null, claimed_until = null
			where id = :id and version = :expectedVersion""")
	int update(@Param("id") String id, @Param("expectedVersion") long expectedVersion,
			@Param("newVersion") long newVersion, @Param("flow") String flow, @Param("position") String position,
			@Param("history") String history, @Param("state") String state, @Param("log") String log,
			@Param("binding") String binding, @Param("status") String status, @Param("updatedAt") Instant updatedAt,
			@Param("expiresAt") Instant expiresAt, @Param("owner") String owner);

	/** Ends the claim {@code claimToken} holds, if it still holds one. */
	@Modifying
	@NativeQuery("update flows_task set claim_token = null, claimed_until = null where id = :id and claim_token = :token")
	int release(@Param("id") String id, @Param("token") String claimToken);

	/** Moves the expiry only: the version and any claim stay. */
	@Modifying
	@NativeQuery("update flows_task set expires_at = :expiresAt where id = :id")
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
