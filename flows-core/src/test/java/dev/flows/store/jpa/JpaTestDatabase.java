package dev.flows.store.jpa;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * A database with the {@code flows_task} table created by the shipped DDL, and an
 * EntityManagerFactory that has the task entity only through
 * {@link JpaTaskStore#persistenceUnitPostProcessor()}, next to an application entity.
 * Hibernate validates the mapping against the DDL and counts the entities it loads; the
 * DataSource counts every statement run on it.
 */
final class JpaTestDatabase implements AutoCloseable {

	final HikariDataSource dataSource;

	/**
	 * The persistence unit's DataSource: {@link #dataSource}, counting the statements run
	 * on it.
	 */
	final CountingDataSource counting;

	final LocalContainerEntityManagerFactoryBean factoryBean;

	final EntityManagerFactory entityManagerFactory;

	final JpaTransactionManager transactionManager;

	final JdbcTemplate jdbc;

	private JpaTestDatabase(HikariDataSource dataSource, String platform, Consumer<JdbcTemplate> before) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		before.accept(this.jdbc);
		new ResourceDatabasePopulator(new ClassPathResource("dev/flows/store/jpa/schema-" + platform + ".sql"))
			.execute(dataSource);
		// run twice: the scripts must be safe to repeat at every start
		new ResourceDatabasePopulator(new ClassPathResource("dev/flows/store/jpa/schema-" + platform + ".sql"))
			.execute(dataSource);
		this.jdbc.execute("create table if not exists app_note (id bigint primary key, text varchar(100))");
		this.counting = new CountingDataSource(dataSource);
		this.factoryBean = entityManagerFactory(this.counting, Map.of("hibernate.hbm2ddl.auto", "validate"), true);
		this.entityManagerFactory = this.factoryBean.getObject();
		this.transactionManager = new JpaTransactionManager(this.entityManagerFactory);
	}

	static JpaTestDatabase h2(String name) {
		return h2(name, (jdbc) -> {
		});
	}

	/** An H2 database on which {@code before} runs before the shipped DDL. */
	static JpaTestDatabase h2(String name, Consumer<JdbcTemplate> before) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
		dataSource.setUsername("sa");
		dataSource.setMaximumPoolSize(4);
		return new JpaTestDatabase(dataSource, "h2", before);
	}

	/**
	 * A fresh schema of its own in the test PostgreSQL, so test classes never see each
	 * other's rows.
	 */
	static JpaTestDatabase postgres(String jdbcUrl, String schema) {
		return postgres(jdbcUrl, schema, (jdbc) -> {
		});
	}

	/** A fresh PostgreSQL schema on which {@code before} runs before the shipped DDL. */
	static JpaTestDatabase postgres(String jdbcUrl, String schema, Consumer<JdbcTemplate> before) {
		HikariDataSource admin = postgresDataSource(jdbcUrl);
		try (admin) {
			new JdbcTemplate(admin).execute("drop schema if exists " + schema + " cascade");
			new JdbcTemplate(admin).execute("create schema " + schema);
		}
		HikariDataSource dataSource = postgresDataSource(jdbcUrl);
		dataSource.setSchema(schema);
		return new JpaTestDatabase(dataSource, "postgresql", before);
	}

	private static HikariDataSource postgresDataSource(String jdbcUrl) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(jdbcUrl);
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(4);
		return dataSource;
	}

	static LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource,
			Map<String, Object> properties, boolean withTaskEntity) {
		LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
		factory.setDataSource(dataSource);
		factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		// the application's own entities; the task entity is added by the post-processor
		factory.setManagedTypes(PersistenceManagedTypes.of(List.of(AppNote.class.getName()), List.of()));
		if (withTaskEntity) {
			factory.setPersistenceUnitPostProcessors(JpaTaskStore.persistenceUnitPostProcessor());
		}
		Properties jpa = new Properties();
		jpa.put("hibernate.generate_statistics", "true");
		jpa.putAll(properties);
		factory.setJpaProperties(jpa);
		factory.afterPropertiesSet();
		return factory;
	}

	JpaTaskStore store() {
		return new JpaTaskStore(this.entityManagerFactory, this.transactionManager);
	}

	/** A store that claims with {@code statements}, whatever the database. */
	JpaTaskStore store(ClaimStatements statements) {
		return new JpaTaskStore(this.entityManagerFactory, this.transactionManager, statements);
	}

	Statistics statistics() {
		return this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
	}

	void clear() {
		this.jdbc.update("delete from flows_task");
		this.jdbc.update("delete from app_note");
	}

	@Override
	public void close() {
		this.factoryBean.destroy();
		this.dataSource.close();
	}

}
