package org.refdesk.operator;

import java.util.Set;

/**
 * Who may give which role. A library admin makes operators, admins and coordinators of their own
 * library; only a system admin makes another system admin, so no library can raise itself above
 * the others.
 */
public final class Roles {

  public static final Set<String> ALL =
      Set.of(Operator.OPERATOR, Operator.ADMIN, Operator.COORDINATOR, Operator.SYSTEM);

  private Roles() {}

  public static boolean mayGrant(Operator granter, String role) {
    if (!granter.isAdmin() || !ALL.contains(role)) {
      return false;
    }
    return !Operator.SYSTEM.equals(role) || granter.isSystemAdmin();
  }
}
