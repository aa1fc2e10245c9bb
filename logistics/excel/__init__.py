"""The Excel front door: the Home sheet's buttons, the VBA project, the xlwings adapter."""
