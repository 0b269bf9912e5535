using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDirSyncProvisioningError: the users, groups and contacts with
    /// synchronization conflicts (PropertyConflict on UserPrincipalName or ProxyAddresses),
    /// filtered and sorted, 500 unless -All or -MaxResults.</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDirSyncProvisioningError", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(DirSyncProvisioningErrorObject))]
    public class GetDirSyncProvisioningError : MsolCmdlet
    {
        private const string ListSet = "ListDirSyncProvisioningErrors__0";
        private const string AllSet = "All__0";

        [Parameter]
        public string ErrorCategory { get; set; }

        [Parameter]
        public string PropertyName { get; set; }

        [Parameter]
        public string PropertyValue { get; set; }

        [Parameter]
        public string SearchString { get; set; }

        [Parameter]
        public SortField? SortField { get; set; }

        [Parameter]
        public SortDirection? SortDirection { get; set; }

        [Parameter(ParameterSetName = ListSet)]
        public int MaxResults { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessOne()
        {
            Stream<DirSyncProvisioningErrorObject>(BoundBody(), "objects with synchronization errors", All.IsPresent);
        }
    }
}
