"""NetworkX analytics and the offline browser explorer of conflict-kg graphs."""
