# The gateway as a container: build with Maven, run the single jar on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY frontend frontend
COPY backend backend
COPY redis redis
RUN mvn -q -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/refdesk refdesk && mkdir -p /var/lib/refdesk && chown refdesk /var/lib/refdesk
USER refdesk
WORKDIR /var/lib/refdesk
COPY --from=build /src/backend/target/refdesk.jar /opt/refdesk/refdesk.jar
ENV REFDESK_DATA_DIR=/var/lib/refdesk/data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s CMD wget -qO- http://127.0.0.1:8080/ready || exit 1
ENTRYPOINT ["java", "-jar", "/opt/refdesk/refdesk.jar"]
